package se.trygghetsnav.notification.reminder;

/** How a person wants their reminders: each as it fires, or batched. */
public enum DeliveryFrequency {
    /** One mail per reminder, when it fires. */
    IMMEDIATE,
    /** One mail per working day at the opening of office hours with every reminder that fired since (the default). */
    DAILY,
    /** One mail per week, Monday at the opening of office hours (or the week's first working day). */
    WEEKLY
}
