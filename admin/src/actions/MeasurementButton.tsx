// Report a measurement for one benefit from the initiative or benefit page.
import AddchartIcon from '@mui/icons-material/Addchart';
import { useTranslate } from 'react-admin';
import { ActionButton } from './ActionButton';
import { MeasurementInputs, today, type MeasurementValues } from '../measurements/MeasurementInputs';
import type { Benefit } from '../shared/types';

export const MeasurementButton = ({ benefit }: { benefit: Benefit }) => {
    const translate = useTranslate();
    return (
        <ActionButton<MeasurementValues>
            label={translate('app.measurement.button')}
            icon={<AddchartIcon />}
            size="small"
            buttonTestId={`add-measurement-${benefit.id}`}
            title={translate('app.measurement.title', { benefit: benefit.title })}
            description={benefit.indicator}
            testId="measurement-dialog"
            submitLabel={translate('app.measurement.submit')}
            defaultValues={{ measuredAt: today() }}
            run={(dataProvider, values) =>
                dataProvider.create('measurements', {
                    data: {
                        benefitId: benefit.id,
                        value: Number(values.value),
                        measuredAt: values.measuredAt,
                        note: values.note?.trim() ?? '',
                    },
                })
            }
            success={{ message: 'app.measurement.success' }}
        >
            <MeasurementInputs unit={benefit.unit} />
        </ActionButton>
    );
};
