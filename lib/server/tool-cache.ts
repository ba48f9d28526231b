/**
 * The catalog only changes when it is reloaded, so tool results can be memoized per catalog
 * version. A small LRU keyed by tool + normalized input; cleared when the catalog changes.
 */
export class ToolCache {
  private map = new Map<string, unknown>();
  private version: string | null = null;

  constructor(private readonly max = 500) {}

  async get<T>(catalogVersion: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (catalogVersion !== this.version) {
      this.map.clear();
      this.version = catalogVersion;
    }
    if (this.map.has(key)) {
      const v = this.map.get(key) as T;
      this.map.delete(key);
      this.map.set(key, v);
      return structuredClone(v);
    }
    const v = await compute();
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    return structuredClone(v);
  }
}
