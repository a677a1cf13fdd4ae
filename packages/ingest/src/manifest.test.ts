import { zipOf } from "@retrain/testing";
import { describe, expect, it } from "vitest";
import { ArchiveError, openArchive } from "./read-archive.js";

async function collect(bytes: Buffer) {
  const archive = await openArchive(bytes);
  const out: { path: string; label: string | null; split: string | null }[] = [];
  for await (const item of archive.images)
    if (!("error" in item)) out.push({ path: item.path, label: item.label, split: item.split });
  return { count: archive.count, out };
}

describe("archives with a manifest", () => {
  it("takes labels and splits from manifest.csv over folders; files it does not name keep their folder", async () => {
    const zip = await zipOf({
      "manifest.csv": Buffer.from('file,label,split\nimgs/a.jpg,daisy,train\n"imgs/b, c.jpg",,TEST\n'),
      "imgs/a.jpg": Buffer.alloc(3),
      "imgs/b, c.jpg": Buffer.alloc(3),
      "tulip/d.jpg": Buffer.alloc(3),
    });
    expect(await collect(zip)).toEqual({
      count: 3,
      out: [
        { path: "imgs/a.jpg", label: "daisy", split: "TRAIN" },
        { path: "imgs/b, c.jpg", label: null, split: "TEST" },
        { path: "tulip/d.jpg", label: "tulip", split: null },
      ],
    });
  });

  it("reads manifest.jsonl in the archive's one top folder", async () => {
    const zip = await zipOf({
      "export/manifest.jsonl": Buffer.from('{"file":"daisy/1.jpg","label":"rose","split":"validation"}\n'),
      "export/daisy/1.jpg": Buffer.alloc(3),
    });
    expect((await collect(zip)).out).toEqual([{ path: "export/daisy/1.jpg", label: "rose", split: "VALIDATION" }]);
  });

  it("reads a Label Studio export: choices by image name, with or without its upload prefix", async () => {
    const tasks = [
      {
        data: { image: "/data/upload/3/1a2b3c4d-sun.jpg" },
        annotations: [{ result: [{ value: { choices: ["sunflower"] } }] }],
      },
      { data: { image: "/data/upload/3/moon.jpg" }, annotations: [] },
    ];
    const zip = await zipOf({
      "project-3.json": Buffer.from(JSON.stringify(tasks)),
      "images/sun.jpg": Buffer.alloc(3),
      "images/moon.jpg": Buffer.alloc(3),
    });
    expect((await collect(zip)).out.map((f) => [f.path, f.label])).toEqual([
      ["images/sun.jpg", "sunflower"],
      ["images/moon.jpg", null],
    ]);
  });

  it("refuses the archive naming the manifest's line: a bad split, a missing file, a broken row", async () => {
    const badSplit = await zipOf({
      "manifest.csv": Buffer.from("file,label,split\na.jpg,x,holdout\n"),
      "a.jpg": Buffer.alloc(3),
    });
    await expect(openArchive(badSplit)).rejects.toThrow(/manifest\.csv line 2: split "holdout" is not train/);
    const missing = await zipOf({
      "manifest.csv": Buffer.from("file,label\na.jpg,x\nb.jpg,y\n"),
      "a.jpg": Buffer.alloc(3),
    });
    await expect(openArchive(missing)).rejects.toThrow(/manifest\.csv line 3: no file b\.jpg in the archive/);
    const broken = await zipOf({
      "manifest.jsonl": Buffer.from('{"file":"a.jpg"}\n{nope\n'),
      "a.jpg": Buffer.alloc(3),
    });
    await expect(openArchive(broken)).rejects.toThrow(ArchiveError);
    await expect(openArchive(broken)).rejects.toThrow(/manifest\.jsonl line 2: not a JSON object/);
  });
});
