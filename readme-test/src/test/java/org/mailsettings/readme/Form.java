package org.mailsettings.readme;

import org.mailsettings.ServerSettings;
import org.mailsettings.check.Severity;
import org.mailsettings.check.SettingsField;

/** A settings form as an ERP shows it: what README's settings-check block marks beside the fields. */
public interface Form {
  /** Shows a finding's words beside a field. */
  void mark(SettingsField field, Severity severity, String message);

  /** Offers to replace the form's settings with a finding's fix in one click. */
  void offerOneClickFix(SettingsField field, ServerSettings fix);
}
