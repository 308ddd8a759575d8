// planer 1.2.0 ships no types; this is the one function the evaluation calls.
declare module 'planer' {
  const planer: {
    extractFrom(body: string, contentType: 'text/plain' | 'text/html', document?: Document): string;
  };
  export default planer;
}
