package com.tttools.app.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A person's name: not empty once trimmed, at most {@link #MAX} characters. The message says which rule failed.
 * {@link #absentMeansUnchanged()} lets a partial update (PATCH) leave the name out: null passes, any other value is
 * checked.
 */
@Documented
@Constraint(validatedBy = PersonName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    int MAX = 200;

    String message() default "is not a valid name";

    /** True for a partial update: a null name means "no change" and passes; a present one must be a name. */
    boolean absentMeansUnchanged() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PersonName, String> {

        private boolean nullPasses;

        /** What is wrong with the name, if anything: the one rule behind the annotation and the services. */
        public static Optional<String> problem(String value) {
            if (value == null || value.isBlank()) {
                return Optional.of("must not be empty");
            }
            if (value.strip().length() > MAX) {
                return Optional.of("must be at most " + MAX + " characters long");
            }
            return Optional.empty();
        }

        @Override
        public void initialize(PersonName annotation) {
            nullPasses = annotation.absentMeansUnchanged();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null && nullPasses) {
                return true;
            }
            return Constraints.report(problem(value), context);
        }
    }
}
