"""Adapters: the real DynamoDB store, Twilio SMS sender, SES mail sender and clocks."""
