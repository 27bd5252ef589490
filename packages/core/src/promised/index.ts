/** Pure rules of issue 6 (promised); filled by its slice. */
export {};
