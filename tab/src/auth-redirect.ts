import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// MSAL 5's redirect bridge: the sign-in popup lands here and hands the response back to the tab.
// https://learn.microsoft.com/entra/msal/javascript/browser/redirect-bridge
broadcastResponseToMainFrame().catch((err: unknown) => {
  document.body.textContent = `Sign-in could not finish: ${err instanceof Error ? err.message : String(err)}. Close this window and try again.`;
});
