import { Suspense } from "react";
import { AuthForm } from "../../components/auth-form";

export default function SignUpPage() {
  return (
    <Suspense>
      <AuthForm mode="signup" />
    </Suspense>
  );
}
