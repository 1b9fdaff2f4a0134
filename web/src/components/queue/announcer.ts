// Voice announcements of the display board: "Mời số 2015 đến quầy số 5", read by the browser's speech synthesis
// with a Vietnamese voice when the system has one, else a chime (WebAudio, no sound files). Announcements wait in
// a queue and never overlap: the next one starts when the previous utterance ends (`onend`), with a time limit in
// case a speech engine never reports the end. Browsers refuse sound before a user gesture: `unlock()` must run in
// a click handler (the board's "Bật âm thanh" button) unless the autoplay policy already allows sound.

const MAX_PENDING = 6;

type AudioCtor = typeof AudioContext;

function audioCtor(): AudioCtor | undefined {
  const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
  return w.AudioContext ?? w.webkitAudioContext;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Announcer {
  private pending: string[] = [];
  private busy = false;
  private ctx: AudioContext | null = null;
  private enabled = false;
  private listeners = new Set<() => void>();
  /** Texts announced so far (newest last, at most 20): shown by nobody, read by the browser test. */
  readonly spoken: string[] = [];

  constructor(private readonly lang = 'vi') {
    // Voices load asynchronously in Chromium; asking once starts the loading.
    try {
      window.speechSynthesis?.getVoices();
    } catch {
      /* no speech synthesis */
    }
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Re-render hook for React (useSyncExternalStore). */
  subscribe = (cb: () => void) => {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  };

  private changed() {
    this.listeners.forEach((l) => l());
  }

  /** True when sound may already play without a gesture (kiosk browsers started with an autoplay flag). */
  tryAutoUnlock(): boolean {
    if (this.ctx?.state === 'running') {
      this.enabled = true;
      this.changed();
      return true;
    }
    const Ctor = audioCtor();
    if (!Ctor) return false;
    try {
      const ctx = new Ctor();
      if (ctx.state === 'running') {
        this.ctx = ctx;
        this.enabled = true;
        this.changed();
        return true;
      }
      void ctx.close();
    } catch {
      /* ignore */
    }
    return false;
  }

  /** Call from a user gesture: resumes audio and primes speech synthesis. */
  async unlock(): Promise<void> {
    const Ctor = audioCtor();
    try {
      if (Ctor && !this.ctx) this.ctx = new Ctor();
      await this.ctx?.resume();
    } catch {
      /* no WebAudio: speech may still work */
    }
    try {
      const synth = window.speechSynthesis;
      if (synth && typeof SpeechSynthesisUtterance !== 'undefined') {
        const u = new SpeechSynthesisUtterance(' ');
        u.volume = 0;
        synth.speak(u);
      }
    } catch {
      /* ignore */
    }
    this.enabled = true;
    this.changed();
  }

  disable() {
    this.enabled = false;
    this.pending = [];
    try {
      window.speechSynthesis?.cancel();
    } catch {
      /* ignore */
    }
    this.changed();
  }

  /** Queues one announcement; the oldest waiting ones are dropped if a burst of calls piles up. */
  announce(text: string) {
    if (!this.enabled || !text) return;
    this.pending.push(text);
    while (this.pending.length > MAX_PENDING) this.pending.shift();
    void this.pump();
  }

  private async pump() {
    if (this.busy) return;
    const text = this.pending.shift();
    if (text === undefined) return;
    this.busy = true;
    try {
      this.spoken.push(text);
      if (this.spoken.length > 20) this.spoken.shift();
      await this.chime();
      const voice = this.voice();
      if (voice) await this.speak(text, voice);
      else await sleep(400);
    } catch {
      /* one failed announcement must not stop the next */
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  /** A voice whose language is Vietnamese (vi, vi-VN …), if the system has one. */
  voice(): SpeechSynthesisVoice | null {
    try {
      const voices = window.speechSynthesis?.getVoices() ?? [];
      return voices.find((v) => v.lang?.toLowerCase().startsWith(this.lang)) ?? null;
    } catch {
      return null;
    }
  }

  private speak(text: string, voice: SpeechSynthesisVoice): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(guard);
        resolve();
      };
      // Some engines never fire onend: give up after a generous time for the text.
      const guard = setTimeout(finish, Math.max(8000, text.length * 250));
      try {
        const u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = 0.9;
        u.onend = finish;
        u.onerror = finish;
        window.speechSynthesis.speak(u);
      } catch {
        finish();
      }
    });
  }

  /** Two soft tones (a "ding-dong"), about one second. */
  private async chime(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return;
    const t0 = ctx.currentTime + 0.05;
    const tone = (freq: number, start: number, dur: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + dur);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + dur + 0.05);
    };
    tone(880, t0, 0.6);
    tone(659.25, t0 + 0.45, 0.8);
    await sleep(1300);
  }
}
