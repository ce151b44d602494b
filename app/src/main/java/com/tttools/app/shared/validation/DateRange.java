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
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;

/**
 * On a request record with two {@link IsoDate} components: the start is not after the end. Only checked when both
 * are present and valid dates (their own problems are {@link IsoDate}'s); the problem is reported on {@link #field()}.
 */
@Documented
@Constraint(validatedBy = DateRange.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DateRange {

    /** The record component holding the first day. */
    String from() default "from";

    /** The record component holding the last day. */
    String to() default "to";

    /** The field the problem is reported on. */
    String field() default "to";

    String message() default "must not be before from";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DateRange, Record> {

        private DateRange range;

        /** The one rule behind the annotation and the parsers: a range whose first day is not after its last. */
        public static boolean ordered(LocalDate from, LocalDate to) {
            return from == null || to == null || !from.isAfter(to);
        }

        @Override
        public void initialize(DateRange annotation) {
            range = annotation;
        }

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null || ordered(IsoDate.Validator.parse(component(value, range.from())),
                    IsoDate.Validator.parse(component(value, range.to())))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(range.field()).addConstraintViolation();
            return false;
        }

        private static String component(Record value, String name) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        component.getAccessor().setAccessible(true);
                        return (String) component.getAccessor().invoke(value);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Cannot read " + name + " of " + value.getClass(), e);
                    }
                }
            }
            throw new IllegalArgumentException(value.getClass() + " has no component " + name);
        }
    }
}
