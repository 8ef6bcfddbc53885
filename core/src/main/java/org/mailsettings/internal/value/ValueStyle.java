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
    // The public nested Builder delegates to the generated one instead of extending it, so that
    // no generated type shows in the API and every builder method is declared by a public class
    // (frameworks that call builders by reflection need that): it must not be mistaken for an
    // inner builder for the generated one to extend.
    typeInnerBuilder = "GeneratedInnerBuilder",
    // ... and the generated builder is made with "new", leaving builder() to the value type.
    builder = "new",
    jdkOnly = true,
    defaults = @Value.Immutable(copy = true),
    privateNoargConstructor = true,
    optionalAcceptNullable = false,
    forceJacksonPropertyNames = false,
    // No @Generated on generated classes: users compile against our jar without Immutables'
    // annotations on their class path, and javac warns about every annotation it cannot find.
    allowedClasspathAnnotations = {Override.class})
public @interface ValueStyle {}
