import { lazy, Suspense, useEffect, useState } from 'react';
import { getDemo } from '../api/api-client';
import type { DemoInfo } from '../api/types';

// Its own chunk: production installs (no demo) never download it.
const VirtualPhone = lazy(() => import('./virtual-phone'));

/** Asks once whether the server runs in demo mode; if so, loads the virtual phone (DEMO-02). */
export function DemoSlot() {
  const [demo, setDemo] = useState<DemoInfo | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getDemo(controller.signal).then(setDemo, () => setDemo(null));
    return () => controller.abort();
  }, []);

  if (!demo) return null;
  return (
    <Suspense fallback={null}>
      <VirtualPhone phones={demo.phones} />
    </Suspense>
  );
}
