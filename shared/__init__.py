"""taperline: the application package shared by every Lambda function and the local stack."""
