// Our probes against files written by a maintained muxer (mediabunny), with that library's own
// reading as the expected answer: the probes were kept (see mediaProbe.ts), so they are checked
// on real box and element layouts (tkhd, mdhd, avcC, SeekHead, Cues), not only on our fixtures.
import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Input,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import { describe, expect, it } from 'vitest';
import type { ByteReader } from './mediaFile.js';
import { probeMedia } from './mediaProbe.js';

const AVCC = new Uint8Array([
  1, 0x42, 0, 0x1f, 0xff, 0xe1, 0, 4, 0x67, 0x42, 0, 0x1f, 1, 0, 4, 0x68, 0xce, 0x3c, 0x80,
]);

/** `frames` frames at 25 fps of placeholder data, muxed as H.264 in MP4 (moov last) or VP9 in WebM. */
async function written(kind: 'mp4' | 'webm', frames: number): Promise<Buffer> {
  const format = kind === 'mp4' ? new Mp4OutputFormat() : new WebMOutputFormat();
  const output = new Output({ format, target: new BufferTarget() });
  const source = new EncodedVideoPacketSource(kind === 'mp4' ? 'avc' : 'vp9');
  output.addVideoTrack(source, { frameRate: 25 });
  await output.start();
  const decoderConfig =
    kind === 'mp4'
      ? { codec: 'avc1.42001f', codedWidth: 1920, codedHeight: 1080, description: AVCC }
      : { codec: 'vp09.00.10.08', codedWidth: 1280, codedHeight: 720 };
  for (let i = 0; i < frames; i++) {
    const packet = new EncodedPacket(new Uint8Array(8), i % 25 === 0 ? 'key' : 'delta', i / 25, 1 / 25);
    await source.add(packet, i === 0 ? { decoderConfig } : undefined);
  }
  await output.finalize();
  return Buffer.from(output.target.buffer ?? new ArrayBuffer(0));
}

async function theirs(buf: Buffer) {
  const input = new Input({ source: new BufferSource(buf), formats: ALL_FORMATS });
  const video = await input.getPrimaryVideoTrack();
  return {
    width: video?.codedWidth,
    height: video?.codedHeight,
    durationMs: Math.round((await input.computeDuration()) * 1000),
  };
}

const reader = (buf: Buffer): ByteReader => ({ size: buf.length, read: (o, n) => buf.subarray(o, o + n) });

describe('probeMedia on files a maintained muxer wrote', () => {
  it.each([
    ['mp4', 'video/mp4'],
    ['webm', 'video/webm'],
  ] as const)('reads %s as mediabunny does', async (kind, mime) => {
    const buf = await written(kind, 250);
    const expected = await theirs(buf);
    expect(expected.durationMs).toBe(10_000);
    expect(probeMedia(reader(buf))).toEqual({ type: 'video', mime, ...expected });
  });

  it('refuses an MP4 cut before its moov (written last) as damaged', async () => {
    const buf = await written('mp4', 250);
    const cut = buf.subarray(0, buf.indexOf('moov', 0, 'latin1') + 100);
    expect(() => probeMedia(reader(cut))).toThrow(expect.objectContaining({ code: 'media_corrupt' }));
  });
});
