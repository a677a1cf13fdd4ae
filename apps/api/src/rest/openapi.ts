import { IMAGE_BODY_LIMITS } from "./image-body.js";
import { UPLOAD_STREAM_LIMITS } from "./upload-stream.js";

const error = {
  description: "A typed error: `code` as GraphQL's `extensions.code`, `field` for BAD_USER_INPUT.",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["message", "code"],
            properties: { message: { type: "string" }, code: { type: "string" }, field: { type: "string" } },
          },
        },
      },
    },
  },
};

const imagePrediction = {
  type: "object",
  required: ["name", "top", "error", "unknown", "unknownReason", "calibrated"],
  properties: {
    name: { type: "string" },
    top: {
      type: "array",
      description: "Most likely first.",
      items: {
        type: "object",
        required: ["label", "probability"],
        properties: { label: { type: "string" }, probability: { type: "number" } },
      },
    },
    error: { type: ["string", "null"], description: "Why the image could not be read." },
    unknown: { type: "boolean", description: "The model would rather not answer; `top` still lists its guesses." },
    unknownReason: { type: ["string", "null"], enum: ["LOW_CONFIDENCE", "FAR_FROM_TRAINING", null] },
    calibrated: { type: "boolean" },
  },
};

const uploadResult = {
  type: "object",
  required: ["name", "status"],
  properties: {
    name: { type: "string" },
    status: { type: "string", enum: ["ACCEPTED", "DUPLICATE", "REJECTED"] },
    imageId: {
      type: "string",
      description: "The stored image (ACCEPTED), or the one with the same bytes (DUPLICATE).",
    },
    reason: { type: "string", description: "Why it was rejected, or what it duplicates." },
  },
};

const uploadPath = {
  post: {
    summary: "Add images to a dataset, streamed (no base64)",
    description: `Raw image bytes (one image), or multipart/form-data with up to ${UPLOAD_STREAM_LIMITS.files.toLocaleString("en")} files of ${UPLOAD_STREAM_LIMITS.fileBytes / 1024 ** 2} MB each, stored one at a time as they arrive. In a form, a \`label\` or \`split\` field applies to the files after it; a file without a label field is labelled by its folder (\`daisy/1.jpg\`). A bad file is rejected with its reason; the others land.`,
    parameters: [
      { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Dataset id." },
      { name: "name", in: "query", schema: { type: "string" }, description: "The raw image's name." },
      { name: "label", in: "query", schema: { type: "string" }, description: "The raw image's label." },
      { name: "split", in: "query", schema: { type: "string", enum: ["train", "validation", "test"] } },
    ],
    requestBody: {
      required: true,
      content: {
        "image/*": { schema: { type: "string", contentMediaType: "image/*" } },
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              label: { type: "string" },
              split: { type: "string" },
              files: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
    responses: {
      "200": {
        description: "One result per file, in order.",
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["results"],
              properties: { results: { type: "array", items: uploadResult } },
            },
          },
        },
      },
      "400": error,
      "401": error,
      "404": error,
    },
  },
};

/** The REST routes, as OpenAPI 3.1 (served at /v1/openapi.json; a test checks it against real answers). */
export const OPENAPI = {
  openapi: "3.1.0",
  info: { title: "Retrain Studio REST API", version: "1" },
  components: {
    securitySchemes: { token: { type: "http", scheme: "bearer", description: "A personal API token (rst_...)." } },
  },
  security: [{ token: [] }],
  paths: {
    "/v1/datasets/{id}/images": uploadPath,
    "/v1/datasets/{id}/export.zip": {
      get: {
        summary: "A dataset as a zip of class folders with manifest.csv (file,label,split)",
        description:
          "Unlabelled images go under `unlabelled/`; the manifest keeps labels and splits as they are. Importing the zip (POST /datasets/{id}/archive) gives them back.",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Dataset id." },
          { name: "label", in: "query", schema: { type: "string" }, description: "Only this label's images." },
          { name: "split", in: "query", schema: { type: "string", enum: ["train", "validation", "test"] } },
        ],
        responses: {
          "200": {
            description: "The zip.",
            content: { "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } } },
          },
          "400": error,
          "401": error,
          "404": error,
        },
      },
    },
    "/v1/experiments/{id}/predict": {
      post: {
        summary: "Classify images with the checkpoint an experiment's alias serves",
        description: `Raw image bytes (one image), or multipart/form-data with up to ${IMAGE_BODY_LIMITS.files} files of ${IMAGE_BODY_LIMITS.fileBytes / 1024 ** 2} MB each. A PREDICT-scope token is enough.`,
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" }, description: "Experiment id." },
          { name: "alias", in: "query", schema: { type: "string", default: "production" } },
          { name: "topK", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 5 } },
          { name: "name", in: "query", schema: { type: "string" }, description: "The raw image's name." },
        ],
        requestBody: {
          required: true,
          content: {
            "image/*": { schema: { type: "string", contentMediaType: "image/*" } },
            "multipart/form-data": {
              schema: { type: "object", properties: { files: { type: "array", items: { type: "string" } } } },
            },
          },
        },
        responses: {
          "200": {
            description: "One answer per image, in order.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["checkpointId", "labels", "latencyMs", "results"],
                  properties: {
                    checkpointId: { type: "string" },
                    labels: { type: "array", items: { type: "string" } },
                    latencyMs: { type: "number" },
                    results: { type: "array", items: imagePrediction },
                  },
                },
              },
            },
          },
          "400": error,
          "401": error,
          "404": error,
          "413": error,
        },
      },
    },
  },
} as const;
