/** Bottleneck vectors are stored as little-endian float32 bytes, exactly as a Float32Array holds them. */
export function vectorToBytes(vector: Float32Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(vector.byteLength);
  copy.set(new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
  return copy;
}

export function bytesToVector(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new Error(`vector bytes length ${bytes.byteLength} is not a multiple of 4`);
  // Copy into a fresh, aligned buffer: a Buffer from pg may start at any offset of a shared pool.
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  return new Float32Array(aligned.buffer);
}
