package se.trygghetsnav.notification.delivery;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a mail's subject, plain text and HTML from its Thymeleaf templates, in Swedish. */
public class MailTemplates {

    static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final TemplateEngine engine;

    public MailTemplates(TemplateEngine engine) {
        this.engine = engine;
    }

    public Rendered render(String template, Map<String, Object> model) {
        Context context = new Context(SWEDISH, model);
        return new Rendered(engine.process(template + ".subject.txt", context).strip(),
                engine.process(template + ".txt", context), engine.process(template + ".html", context));
    }

    /** A rendered mail. */
    public record Rendered(String subject, String text, String html) {
    }
}
