import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { ObjectStore } from "./object-store.js";
import { signedObjectReads } from "./signed-reads.js";

export interface S3Options {
  bucket: string;
  /** An S3-compatible server's URL (RADOS Gateway, MinIO...); AWS itself when absent. */
  endpoint?: string;
  region: string;
  /** The credentials; absent, the SDK's own chain (environment, instance role...) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Buckets in the path (`host/bucket/key`) rather than the host name: what most self-hosted servers need. */
  forcePathStyle: boolean;
}

/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000;

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);

/** An `ObjectStore` over `@aws-sdk/client-s3`. */
export function s3ObjectStore(options: S3Options): ObjectStore {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    // Checksums only where the API requires them: the SDK's default (a CRC32 trailer on every upload) is not
    // understood by every S3-compatible server, RADOS Gateway before Reef among them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  // Reads from a server of one's own (an endpoint given) skip the SDK's stack, which cost four times the CPU
  // a read; on AWS itself (its endpoint rules: regions, FIPS, dual-stack) every request goes through the SDK.
  const signedRead = options.endpoint
    ? signedObjectReads({
        endpoint: options.endpoint,
        bucket: Bucket,
        forcePathStyle: options.forcePathStyle,
        region: client.config.region,
        credentials: client.config.credentials,
      })
    : undefined;

  return {
    description: `s3://${Bucket}${options.endpoint ? ` at ${options.endpoint}` : ""}`,

    async put(key, body, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
    },

    async putStream(key, body, contentType) {
      // Parts of 8 MB, two at a time: memory stays near 16 MB whatever the archive's size.
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: Readable.from(body), ContentType: contentType },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
      });
      await upload.done();
    },

    async get(key) {
      const read = await signedRead?.(key);
      if (read !== undefined && read !== "ask-sdk") return read;
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async *stream(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!answer.Body) return;
      yield* answer.Body as Readable;
    },

    async delete(keys) {
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const answer = await client.send(
          new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
        const failed = answer.Errors?.filter((e) => e.Code !== "NoSuchKey") ?? [];
        if (failed.length) throw new Error(`could not delete ${failed.length} objects: ${failed[0]?.Message}`);
      }
    },

    async *list(prefix) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        for (const object of page.Contents ?? [])
          if (object.Key) yield { key: object.Key, modified: object.LastModified ?? new Date(0) };
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },

    uploadUrl: (key, size, expiresIn) =>
      getSignedUrl(client, new PutObjectCommand({ Bucket, Key: key, ContentLength: size }), {
        expiresIn,
        // Signed, so a PUT of any other length fails its signature: the size the API allowed is the size stored.
        signableHeaders: new Set(["content-length"]),
      }),

    async ensureBucket() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        if (!isMissing(error)) throw error;
        await client.send(new CreateBucketCommand({ Bucket }));
      }
    },

    async allowBrowserUploads(origins) {
      const rule = {
        AllowedOrigins: [...origins],
        AllowedMethods: ["PUT"],
        // A browser's PUT of a File sends its Content-Type; the signature covers the length, not the type.
        AllowedHeaders: ["content-type"],
        // A preflight answer kept an hour: a folder of 1,000 photos asks once, not once a file.
        MaxAgeSeconds: 3600,
      };
      await client.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: [rule] } }));
    },
  };
}
