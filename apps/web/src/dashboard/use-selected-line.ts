import { useCallback, useState } from 'react';
import type { MeLine } from '../api/types';

const STORAGE_KEY = 'kabinet.line';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The line the overview shows, remembered per device (HOME-03). A remembered line that this login no longer
 * reaches is ignored in favour of the first one.
 */
export function useSelectedLine(lines: MeLine[]): [MeLine | undefined, (lineId: string) => void] {
  const [storedId, setStoredId] = useState(readStored);
  const select = useCallback((lineId: string) => {
    setStoredId(lineId);
    try {
      localStorage.setItem(STORAGE_KEY, lineId);
    } catch {
      // Remembering is a convenience; the switch works without it.
    }
  }, []);
  return [lines.find((line) => line.id === storedId) ?? lines[0], select];
}
