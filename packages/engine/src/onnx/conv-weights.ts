/** Weight layouts and arithmetic for turning Keras (NHWC) convolutions into ONNX (NCHW) ones. */

/** Keras Conv2D kernel [kh, kw, in, out] to ONNX [out, in, kh, kw]. */
export function convKernelToOIHW(kernel: Float32Array, [kh, kw, cin, cout]: number[]): Float32Array {
  const h = kh ?? 1;
  const w = kw ?? 1;
  const i = cin ?? 1;
  const o = cout ?? 1;
  const out = new Float32Array(kernel.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < i; c++)
        for (let f = 0; f < o; f++) out[((f * i + c) * h + y) * w + x] = kernel[((y * w + x) * i + c) * o + f] ?? 0;
  return out;
}

/** Keras depthwise kernel [kh, kw, channels, multiplier] to ONNX grouped [channels*multiplier, 1, kh, kw]. */
export function depthwiseKernelToOIHW(kernel: Float32Array, [kh, kw, channels, multiplier]: number[]): Float32Array {
  const h = kh ?? 1;
  const w = kw ?? 1;
  const c = channels ?? 1;
  const m = multiplier ?? 1;
  const out = new Float32Array(kernel.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let ch = 0; ch < c; ch++)
        for (let k = 0; k < m; k++) out[((ch * m + k) * h + y) * w + x] = kernel[((y * w + x) * c + ch) * m + k] ?? 0;
  return out;
}

export interface BatchNorm {
  gamma?: Float32Array;
  beta?: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  epsilon: number;
}

/**
 * A batch normalisation folded into the convolution before it: each output channel's weights scaled by
 * gamma / sqrt(var + eps), and the bias moved accordingly. Exact in inference, and one operator fewer.
 */
export function foldBatchNorm(
  weights: Float32Array,
  bias: Float32Array | undefined,
  bn: BatchNorm,
): { weights: Float32Array; bias: Float32Array } {
  const channels = bn.mean.length;
  const perChannel = weights.length / channels;
  const folded = new Float32Array(weights.length);
  const newBias = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    const scale = (bn.gamma?.[c] ?? 1) / Math.sqrt((bn.variance[c] ?? 1) + bn.epsilon);
    for (let k = 0; k < perChannel; k++) folded[c * perChannel + k] = (weights[c * perChannel + k] ?? 0) * scale;
    newBias[c] = ((bias?.[c] ?? 0) - (bn.mean[c] ?? 0)) * scale + (bn.beta?.[c] ?? 0);
  }
  return { weights: folded, bias: newBias };
}

/**
 * Explicit [top, left, bottom, right] pads for one 2-D window. TensorFlow's `same` puts the odd pixel at the
 * end (bottom, right); ONNX's auto_pad would not always agree, so pads are always written out.
 */
export function windowPads(
  padding: string,
  input: [number, number],
  kernel: [number, number],
  strides: [number, number],
  dilation: [number, number] = [1, 1],
): [number, number, number, number] {
  if (padding !== "same") return [0, 0, 0, 0];
  const total = input.map((size, i) => {
    const stride = strides[i] ?? 1;
    const effective = ((kernel[i] ?? 1) - 1) * (dilation[i] ?? 1) + 1;
    return Math.max((Math.ceil(size / stride) - 1) * stride + effective - size, 0);
  });
  const [th = 0, tw = 0] = total;
  return [Math.floor(th / 2), Math.floor(tw / 2), th - Math.floor(th / 2), tw - Math.floor(tw / 2)];
}
