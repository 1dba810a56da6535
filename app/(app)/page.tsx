import { getCurrentUser } from "~/components/auth/current-user";
import { Audience } from "~/components/landing/audience";
import { CallToAction } from "~/components/landing/call-to-action";
import { Hero } from "~/components/landing/hero";
import { HowItWorks } from "~/components/landing/how-it-works";
import { SiteFooter } from "~/components/landing/site-footer";
import { SiteHeader } from "~/components/shell/site-header";
import { SkipLink } from "~/components/shell/skip-link";

export default async function LandingPage() {
  const signedIn = Boolean(await getCurrentUser());
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <Hero signedIn={signedIn} />
        <HowItWorks />
        <Audience />
        <CallToAction signedIn={signedIn} />
      </main>
      <SiteFooter />
    </>
  );
}
