// Signing a PDF (PAdES baseline, adbe.pkcs7.detached as pdfsig and Adobe read it): pdf-lib adds the signature
// placeholder, @signpdf/signpdf fills it with a detached PKCS#7 made by node-forge from the signer's PKCS#12 key.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdfModule from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';

// The CommonJS default export, as ESM and tsx see it.
const signpdf = ((signpdfModule as unknown as { default?: typeof signpdfModule }).default ?? signpdfModule);

const UTF8 = forge.asn1.Type.UTF8 as unknown;

/**
 * forge keeps a parsed UTF8String name as its bytes but encodes it again when writing it (the issuer in the
 * signer info): a Vietnamese CA name would no longer match its certificate, and the signature could not be checked.
 */
function decodeNames(cert: forge.pki.Certificate): forge.pki.Certificate {
  for (const n of [cert.issuer, cert.subject]) {
    for (const a of n.attributes) if (a.valueTagClass === UTF8 && typeof a.value === 'string') a.value = forge.util.decodeUtf8(a.value);
  }
  return cert;
}

export interface OpenedKey {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
  subject: string;
  notAfter: Date;
}

/** Opens a PKCS#12 file (throws on a wrong passphrase or a file without a key and its certificate). */
export function openP12(p12: Buffer, passphrase: string): OpenedKey {
  const bag = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  const keyBag = (bag.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [])[0]
    ?? (bag.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? [])[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('the PKCS#12 file holds no private key');
  const chain = (bag.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((b) => (b.cert ? [decodeNames(b.cert)] : []));
  const cert = chain.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  if (!cert) throw new Error('the PKCS#12 file holds no certificate for its key');
  return { key, cert, chain, subject: String(cert.subject.getField('CN')?.value ?? ''), notAfter: cert.validity.notAfter };
}

/** The detached PKCS#7 of the signed byte ranges, with signing time, content type and digest attributes. */
class KeySigner extends Signer {
  constructor(private readonly k: OpenedKey) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of this.k.chain) p7.addCertificate(c);
    p7.addSigner({
      key: this.k.key,
      certificate: this.k.cert,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

export interface SignOptions {
  key: OpenedKey;
  /** Shown by PDF readers: who signed and why, where. */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
}

/**
 * The result as it is signed: the result's own pages followed by the verification page (with the QR code to the
 * public check), so the QR is inside the signed bytes; then the signature over the whole file.
 */
export async function assembleAndSign(result: Buffer, verificationPage: Buffer, opts: SignOptions): Promise<Buffer> {
  const doc = await PDFDocument.load(result, { updateMetadata: false });
  const page = await PDFDocument.load(verificationPage);
  for (const p of await doc.copyPages(page, page.getPageIndices())) doc.addPage(p);
  doc.setProducer('motcua');
  doc.setModificationDate(opts.signingTime);
  pdflibAddPlaceholder({
    pdfDoc: doc, reason: opts.reason, contactInfo: '', name: opts.name, location: opts.location, signingTime: opts.signingTime,
    signatureLength: 16384,
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return signpdf.sign(unsigned, new KeySigner(opts.key), opts.signingTime);
}
