/** One file's answer from the API's streamed upload (uploadImages' fields). */
export interface UploadAnswer {
  name: string;
  status: "ACCEPTED" | "DUPLICATE" | "REJECTED";
  reason?: string;
}

export interface UploadItem {
  file: File;
  /** Its class folder, when the browser tells (a dropped or chosen folder): the server labels it by that. */
  folder: string | null;
}

/** The name a file is stored under, `folder/file` when it came in a class folder: it keys the image's split. */
export const uploadName = (item: UploadItem) => (item.folder ? `${item.folder}/${item.file.name}` : item.file.name);

/**
 * Sends images to the dashboard's streaming upload route as one multipart form (no base64), reporting how
 * many bytes of each file have gone out. Files with a class folder go first, named `folder/file`; then the
 * label field for the others, which applies to the files after it. Answers come back in the order sent.
 */
export function uploadImages(
  datasetId: string,
  items: UploadItem[],
  label: string,
  onProgress: (index: number, fraction: number) => void,
): Promise<{ item: UploadItem; answer: UploadAnswer }[]> {
  const ordered = [...items.filter((i) => i.folder), ...items.filter((i) => !i.folder)];
  const form = new FormData();
  for (const [n, item] of ordered.entries()) {
    if (n === ordered.findIndex((i) => !i.folder) && label) form.append("label", label);
    form.append("files", item.file, uploadName(item));
  }
  // Where each file's bytes start in the body (its parts' headers are small beside photos).
  const starts: number[] = [];
  let offset = 0;
  for (const item of ordered) {
    starts.push(offset);
    offset += item.file.size;
  }
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/uploads/images/${encodeURIComponent(datasetId)}`);
    request.upload.onprogress = (event) => {
      const sent = event.lengthComputable ? (event.loaded / event.total) * offset : 0;
      for (const [n, item] of ordered.entries()) {
        const start = starts[n] ?? 0;
        onProgress(items.indexOf(item), Math.min(1, Math.max(0, (sent - start) / Math.max(1, item.file.size))));
      }
    };
    request.onload = () => {
      const body = JSON.parse(request.responseText || "{}") as {
        results?: UploadAnswer[];
        error?: { message: string };
      };
      if (!body.results) return reject(new Error(body.error?.message ?? `The upload failed (${request.status}).`));
      resolve(ordered.map((item, n) => ({ item, answer: body.results?.[n] as UploadAnswer })));
    };
    request.onerror = () => reject(new Error("The upload could not reach the server."));
    request.send(form);
  });
}
