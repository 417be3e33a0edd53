/** The one export of xmldom's (untyped) grammar module that hookpatch touches. */
declare module '@xmldom/xmldom/lib/grammar.js' {
  const grammar: { reg: (this: unknown, ...parts: (string | RegExp)[]) => RegExp };
  export default grammar;
}
