import { PageLoading } from "~/components/feedback/page-loading";

export default function QrCodesLoading() {
  return <PageLoading label="Loading the QR codes" layout="detail" />;
}
