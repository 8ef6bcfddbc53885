package org.mailsettings.readme;

import org.mailsettings.examples.dialog.SavedAccount;

/** The application around README's desktop-dialog block: where the saved account goes. */
public interface Erp {
  /** Keeps the account the user saved in the dialog. */
  void saveMailAccount(SavedAccount account);
}
