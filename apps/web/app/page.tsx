import Link from "next/link";
import { ApiStatus } from "./api-status";

// Rendered per request: the status panel reflects the API as it is now.
export const dynamic = "force-dynamic";

const steps = [
  { title: "1. Collect", text: "Import labelled images: a folder per class, zip archives or uploads." },
  { title: "2. Extract", text: "Each image runs once through a pretrained CNN; its bottleneck vector is cached." },
  { title: "3. Train", text: "A new final layer trains on the cached vectors in seconds, with live curves." },
  { title: "4. Serve", text: "Checkpoints are evaluated, exported as TensorFlow.js models and served." },
];

export default function HomePage() {
  return (
    <>
      <h1>Your own image classifier, from a pretrained network</h1>
      <p className="lead">
        Retrain Studio runs TensorFlow&apos;s retrain recipe for your team: cache bottlenecks once, train new final
        layers side by side, compare runs, and serve the best one.
      </p>
      <p className="inline">
        <Link className="button" href="/signup">
          Get started
        </Link>
        <Link href="/signin">Sign in</Link>
      </p>
      <ol className="steps">
        {steps.map((s) => (
          <li key={s.title}>
            <h2>{s.title}</h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ol>
      <ApiStatus />
    </>
  );
}
