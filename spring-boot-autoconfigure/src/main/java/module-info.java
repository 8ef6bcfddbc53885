/**
 * mailsettings for Spring Boot: auto-configuration of a {@code JavaMailSender} from {@code
 * mailsettings.address}, a {@link org.mailsettings.MailSettingsResolver} bean and a
 * credential-free health indicator.
 *
 * <p>Spring Boot applications run on the class path, where this descriptor is ignored; on the
 * module path, the packages are open to Spring, which creates the configuration classes and binds
 * the properties by reflection. Spring's jars are automatic modules (their {@code
 * Automatic-Module-Name}s); Spring Boot's health support and the OAuth 2.0 module are optional.
 */
@org.jspecify.annotations.NullMarked
module org.mailsettings.spring.boot.autoconfigure {
  requires transitive org.mailsettings.jakarta;
  requires spring.beans;
  requires spring.boot;
  requires spring.boot.autoconfigure;
  requires spring.context;
  requires spring.context.support;
  requires spring.core;
  requires org.apache.commons.logging;
  requires static spring.boot.health;
  requires static org.mailsettings.oauth2;
  requires static transitive org.jspecify;

  exports org.mailsettings.spring.boot.autoconfigure;
  exports org.mailsettings.spring.boot.autoconfigure.health;

  opens org.mailsettings.spring.boot.autoconfigure to spring.core, spring.beans, spring.context;
  opens org.mailsettings.spring.boot.autoconfigure.health to spring.core, spring.beans, spring.context;
}
