// Date and number fields formatted in the active UI locale.
import { DateField, NumberField, useLocaleState, type DateFieldProps, type NumberFieldProps } from 'react-admin';

export const LocaleDateField = ({ showTime, ...props }: DateFieldProps) => {
    const [locale] = useLocaleState();
    return (
        <DateField
            {...props}
            showTime={showTime}
            locales={locale}
            options={showTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }}
        />
    );
};

export const LocaleNumberField = (props: NumberFieldProps) => {
    const [locale] = useLocaleState();
    return <NumberField {...props} locales={locale} />;
};
