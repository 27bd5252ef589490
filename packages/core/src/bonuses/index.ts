/** Pure rules of issue 6 (bonuses); filled by its slice. */
export {};
