package org.mailsettings.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/** Whether the application configures Spring Boot's own mail sender, as Spring Boot itself decides it. */
final class SpringMailConfigured extends AnyNestedCondition {

  SpringMailConfigured() {
    super(ConfigurationPhase.REGISTER_BEAN);
  }

  @ConditionalOnProperty(prefix = "spring.mail", name = "host")
  static final class Host {}

  @ConditionalOnProperty(prefix = "spring.mail", name = "jndi-name")
  static final class JndiName {}

  /** The opposite: neither {@code spring.mail.host} nor {@code spring.mail.jndi-name} is set. */
  static final class Not extends NoneNestedConditions {
    Not() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    static final class Host {}

    @ConditionalOnProperty(prefix = "spring.mail", name = "jndi-name")
    static final class JndiName {}
  }
}
