import { normaliseName } from '@roster/domain';

/**
 * A userName as checks by name compare it: the form in which the ledger
 * keeps names unique (NFC, lower case), so that a check finds the user
 * who holds the name in whatever case or Unicode form it is asked.
 */
export function userNameKey(userName: string): string {
  return normaliseName(userName);
}
