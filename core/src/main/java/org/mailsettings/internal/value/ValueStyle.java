package org.mailsettings.internal.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, applied through each value package's {@code
 * package-info.java}.
 *
 * <p>Generated implementations stay package-private behind the abstract type ({@code
 * overshadowImplementation}), use only JDK collections, and never appear in the public API.
 * Builders are reached through a nested {@code Builder} class declared on each value type.
 * Generated classes carry no Immutables annotation, so the jar needs none at compile time.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    privateNoargConstructor = true,
    optionalAcceptNullable = false,
    forceJacksonPropertyNames = false,
    // No @Generated on generated classes: users compile against our jar without Immutables'
    // annotations on their class path, and javac warns about every annotation it cannot find.
    allowedClasspathAnnotations = {Override.class})
public @interface ValueStyle {}
