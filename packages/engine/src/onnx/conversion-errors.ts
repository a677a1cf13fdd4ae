import { EngineError } from "../errors.js";

/** A model the ONNX converter cannot take: it then runs on TensorFlow.js, and this says what stopped it. */
export class UnsupportedConversionError extends EngineError {}

/** A layer the converter has no ONNX mapping for: the model then runs on TensorFlow.js, saying which layer. */
export class UnsupportedLayerError extends UnsupportedConversionError {
  constructor(
    readonly layerName: string,
    readonly className: string,
  ) {
    super(`layer ${layerName} (${className}) has no ONNX conversion`);
  }
}

/** A graph model's op the converter has no ONNX mapping for (or not in this use), naming the node. */
export class UnsupportedOpError extends UnsupportedConversionError {
  constructor(
    readonly nodeName: string,
    readonly op: string,
    detail = "",
  ) {
    super(`node ${nodeName} (${op}${detail ? `: ${detail}` : ""}) has no ONNX conversion`);
  }
}
