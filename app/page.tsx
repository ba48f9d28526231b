export default function Home() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Stack8s</h1>
      <p className="mt-2 text-neutral-500">AI infrastructure deployment advisor.</p>
    </main>
  );
}
