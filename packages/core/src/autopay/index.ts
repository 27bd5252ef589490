/** Pure rules of issue 6 (autopay); filled by its slice. */
export {};
