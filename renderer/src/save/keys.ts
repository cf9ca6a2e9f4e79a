/** Save-queue keys shared by the screens that write a value and those that must wait for it. */

/** The documents screen's settings of one document (number, date, recipients, signer). */
export const documentSaveKey = (conferenceId: string, kind: string): string => `documents:${conferenceId}:${kind}`;

/** Every document setting of a conference: the package is made from what is saved. */
export const documentSavePrefix = (conferenceId: string): string => `documents:${conferenceId}:`;
