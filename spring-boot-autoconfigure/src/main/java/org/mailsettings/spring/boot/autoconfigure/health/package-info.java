/**
 * The {@code mailsettings} health indicator for Spring Boot Actuator: the account's outgoing
 * server probed without credentials. Used only when Spring Boot's health support is on the class
 * path.
 */
@NullMarked
package org.mailsettings.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
