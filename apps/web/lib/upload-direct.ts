import { graphql } from "../gql";
import { gql } from "./api";
import { type UploadAnswer, type UploadItem, uploadName } from "./upload-images";

const UploadOptionsQuery = graphql(`query UploadOptions { uploadOptions { fromBrowsers } }`);
const StartBrowserUploads = graphql(`mutation StartBrowserUploads($datasetId: ID!, $files: [DirectUploadFileInput!]!) {
  startDirectUploads(datasetId: $datasetId, files: $files) { key url }
}`);
const FinishBrowserUploads =
  graphql(`mutation FinishBrowserUploads($datasetId: ID!, $uploads: [FinishedUploadInput!]!) {
  finishDirectUploads(datasetId: $datasetId, uploads: $uploads) { name status reason }
}`);

/** Files sent to the bucket at once: enough to keep a line busy, few enough that each one's bar moves. */
const PARALLEL_PUTS = 4;

/** The browser could not PUT to the bucket at all (its address unreachable from here, or its CORS rule). */
export class BucketUnreachableError extends Error {}

/** Whether this server's bucket takes uploads from the dashboard's pages (S3_BROWSER_UPLOADS). */
export async function browserUploadsAllowed(): Promise<boolean> {
  return (await gql(UploadOptionsQuery)).uploadOptions.fromBrowsers;
}

function put(url: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("PUT", url);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () =>
      request.status < 300
        ? resolve()
        : reject(
            new Error(`The bucket refused ${file.name} (HTTP ${request.status}): its upload link may have expired.`),
          );
    request.onerror = () => reject(new BucketUnreachableError(`The bucket could not be reached from this browser.`));
    request.send(file);
  });
}

/**
 * Sends images straight to the server's bucket (an upload URL each, four at a time), then has the API store
 * them: the same answers as `uploadImages`, in the same order, labelled the same way (a file's class folder,
 * else `label`), and named the same (`uploadName`). The upload goes through neither the dashboard's server nor
 * the API (the API reads each file back from the bucket once, to check and store it).
 */
export async function uploadImagesDirect(
  datasetId: string,
  items: UploadItem[],
  label: string,
  onProgress: (index: number, fraction: number) => void,
): Promise<{ item: UploadItem; answer: UploadAnswer }[]> {
  const named = items.map((item) => ({
    item,
    name: uploadName(item),
    label: item.folder ?? (label || null),
  }));
  const files = named.map(({ item, name }) => ({ name, size: item.file.size }));
  const targets = (await gql(StartBrowserUploads, { datasetId, files })).startDirectUploads;
  let next = 0;
  const sendNext = async (): Promise<void> => {
    const index = next++;
    const target = targets[index];
    const item = items[index];
    if (!target || !item) return;
    await put(target.url, item.file, (fraction) => onProgress(index, fraction));
    return sendNext();
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PUTS, items.length) }, sendNext));
  const uploads = named.map(({ name, label }, i) => ({ key: targets[i]?.key ?? "", name, label }));
  const answers = (await gql(FinishBrowserUploads, { datasetId, uploads })).finishDirectUploads;
  return named.map(({ item }, i) => {
    const answer = answers[i];
    return {
      item,
      answer: {
        name: answer?.name ?? item.file.name,
        status: answer?.status ?? "REJECTED",
        ...(answer?.reason ? { reason: answer.reason } : {}),
      },
    };
  });
}
