package se.trygghetsnav.plan.web;

import java.time.Month;

import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Months (a recurrence's "uppehåll juli") are written by name, {@code "JULY"}, in the API, the plan document
 * and the events alike: Jackson's date-time support would write {@code 7}, which a reader must decode and
 * which means 6 under Jackson 2's defaults. Names are read either way.
 */
@Configuration(proxyBeanMethods = false)
class MonthNames {

    @Bean
    JacksonModule monthNamesModule() {
        return new SimpleModule("month-names").addSerializer(Month.class, ToStringSerializer.instance);
    }
}
