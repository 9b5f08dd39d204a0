// Once a benefit is realised, its owner records how it was taken out (DFØ): budget reduced,
// capacity redeployed, better quality, or otherwise.
import SavingsIcon from '@mui/icons-material/Savings';
import { RadioButtonGroupInput, required, useTranslate } from 'react-admin';
import { RecordActionButton } from '../actions/RecordActionButton';
import { harvestChoices } from '../shared/choices';
import { useInitiativeRules, useRecordById } from '../initiatives/useInitiativeRules';
import type { Benefit, Initiative } from '../shared/types';

export const HarvestButton = ({ benefit }: { benefit: Benefit }) => {
    const translate = useTranslate();
    const initiative = useRecordById<Initiative>('initiatives', benefit.initiativeId);
    const { mayRecordHarvest } = useInitiativeRules(initiative);
    if (!benefit.realised || benefit.harvest || !mayRecordHarvest(benefit)) return null;
    return (
        <RecordActionButton
            target={{ resource: 'benefits', id: benefit.id, action: 'harvest' }}
            noteField="note"
            messages="app.harvest"
            args={{ benefit: benefit.title }}
            description={translate('app.harvest.help')}
            icon={<SavingsIcon />}
            name={`harvest-${benefit.id}`}
            toBody={values => ({ how: values.how })}
        >
            <RadioButtonGroupInput source="how" label="app.harvest.how" choices={harvestChoices} validate={required()} row={false} />
        </RecordActionButton>
    );
};
