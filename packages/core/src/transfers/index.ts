/** Pure rules of issue 6 (transfers); filled by its slice. */
export {};
