import { PageLoading } from "~/components/feedback/page-loading";

export default function SignInLoading() {
  return (
    <div className="mx-auto max-w-md">
      <PageLoading label="Loading the sign-in page" />
    </div>
  );
}
