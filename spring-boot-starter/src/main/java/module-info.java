/**
 * The mailsettings Spring Boot starter: no code of its own, it brings the auto-configuration
 * ({@code org.mailsettings.spring.boot.autoconfigure}) with Spring Boot and its mail support.
 */
module org.mailsettings.spring.boot.starter {
  requires transitive org.mailsettings.spring.boot.autoconfigure;
}
