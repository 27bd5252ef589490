/** Pure rules of issue 6 (payments); filled by its slice. */
export {};
