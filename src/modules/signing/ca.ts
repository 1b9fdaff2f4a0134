// Certificates for signing results, with node-forge: a local certification authority (for demo and tests only —
// a real center's signers use certificates from a licensed CA, imported as .p12), and a signer's PKCS#12 file.
// RSA keys come from node's crypto (native, fast); forge builds the X.509 certificates and the PKCS#12 container.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface CaMaterial {
  certPem: string;
  keyPem: string;
}

export interface SignerIdentity {
  /** The signer's full name: the certificate's common name. */
  name: string;
  /** Title and unit, e.g. "Trưởng phòng — Phòng Tư pháp". */
  title: string;
  unit: string;
  email?: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** A name attribute as a UTF8String (forge encodes the value itself for this tag; Vietnamese letters need it). */
const utf8 = (name: string, value: string) => ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });

const serial = () => `01${randomBytes(15).toString('hex')}`;

/** A self-signed CA certificate valid for ten years from `now`. */
export function createTestCa(name: string, now: Date): CaMaterial {
  const { privateKey, publicKey } = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * YEAR_MS);
  const attrs = [utf8('commonName', name), utf8('organizationName', 'motcua (thử nghiệm)'), { name: 'countryName', value: 'VN' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(privateKey) };
}

/**
 * A signer's certificate issued by `ca` (valid two years), packed with its private key and the CA certificate in a
 * PKCS#12 file protected by `passphrase`. Returns the .p12 bytes and the certificate's expiry.
 */
export function issueSignerP12(ca: CaMaterial, who: SignerIdentity, passphrase: string, now: Date): { p12: Buffer; notAfter: Date } {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const { privateKey, publicKey } = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 2 * YEAR_MS);
  cert.setSubject([
    utf8('commonName', who.name),
    
    utf8('title', who.title),
    utf8('organizationalUnitName', who.unit),
    { name: 'countryName', value: 'VN' },
    ...(who.email ? [{ name: 'emailAddress', value: who.email }] : []),
  ]);
  // Parsed UTF8String values come back as their bytes: decode them, or forge would encode them a second time.
  cert.setIssuer(caCert.subject.attributes.map((a) => ({ type: a.type, value: a.valueTagClass === (forge.asn1.Type.UTF8 as unknown) ? forge.util.decodeUtf8(String(a.value)) : a.value, valueTagClass: a.valueTagClass })));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert, caCert], passphrase, { algorithm: 'aes256' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), notAfter: cert.validity.notAfter };
}
