/** Pure rules of issue 6 (statements); filled by its slice. */
export {};
