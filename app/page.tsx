import Link from "next/link";

export default function LandingPage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-4xl font-bold">Foodar</h1>
      <p className="mt-4 text-lg">AR menus for restaurants.</p>
      <Link className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 text-white" href="/dashboard">
        Open the dashboard
      </Link>
    </main>
  );
}
