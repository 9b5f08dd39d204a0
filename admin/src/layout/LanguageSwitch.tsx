// LocalesMenuButton with stable test ids and an accessible name that says what it does.
import { useState, type MouseEvent } from 'react';
import { Button, Menu, MenuItem } from '@mui/material';
import LanguageIcon from '@mui/icons-material/Translate';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useLocaleState, useLocales, useTranslate } from 'react-admin';

export const LanguageSwitch = () => {
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const languages = useLocales();
    const [locale, setLocale] = useLocaleState();
    const translate = useTranslate();
    const current = languages.find(language => language.locale === locale)?.name ?? locale;

    const choose = (next: string) => () => {
        setLocale(next);
        setAnchor(null);
    };

    return (
        <>
            <Button
                color="inherit"
                data-testid="language-switch"
                aria-label={`${translate('app.language.switch')}: ${current}`}
                aria-haspopup="menu"
                aria-controls={anchor ? 'language-menu' : undefined}
                aria-expanded={anchor ? 'true' : undefined}
                onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
                startIcon={<LanguageIcon />}
                endIcon={<ExpandMoreIcon fontSize="small" />}
            >
                {current}
            </Button>
            <Menu id="language-menu" anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
                {languages.map(language => (
                    <MenuItem
                        key={language.locale}
                        lang={language.locale}
                        data-testid={`language-option-${language.locale}`}
                        selected={language.locale === locale}
                        onClick={choose(language.locale)}
                    >
                        {language.name}
                    </MenuItem>
                ))}
            </Menu>
        </>
    );
};
