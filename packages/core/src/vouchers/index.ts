/** Pure rules of issue 6 (vouchers); filled by its slice. */
export {};
